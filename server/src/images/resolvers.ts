import type { Resolvers } from "../graphql/generated/resolvers.ts";
import { imageUrl, listImages, logImage } from "./service.ts";

export const imageResolvers: Resolvers = {
  Mutation: {
    logImage: (_, args, { prisma }) => logImage(prisma, args),
  },
  Run: {
    images: (run, { kind }, { prisma }) => listImages(prisma, run.id, kind),
  },
  RunImage: {
    url: (image) => imageUrl(image),
  },
};
