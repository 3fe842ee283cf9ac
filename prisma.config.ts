// Prisma CLI configuration. The JS engine with a pg driver adapter lets `migrate deploy`,
// `migrate diff` and `generate` run offline (Prisma's native engines cannot be downloaded
// here; see README "Database").
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unset" });
  },
});
