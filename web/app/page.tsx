import { redirect } from "next/navigation";

/** The dashboard opens on the runs table. */
export default function Home(): never {
  redirect("/runs");
}
