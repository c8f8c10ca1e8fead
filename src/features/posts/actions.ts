"use server";

import { assignPractitioner, closePost, createPost, endAssignment, updatePost } from "@/server/posts/mutations";
import { formAction } from "@/features/action";
import { ZAssignPractitioner, ZClosePost, ZCreatePost, ZEndAssignment, ZUpdatePost } from "@/domain/posts/schemas";

export const createPostAction = formAction({
  permission: "posts.manage",
  schema: ZCreatePost,
  run: (input) => createPost(input),
  revalidate: ["/posts"],
  done: ({ id }) => ({ redirect: `/posts/${id}?created=1` }),
});

export const updatePostAction = formAction({
  permission: "posts.manage",
  schema: ZUpdatePost,
  run: (input) => updatePost(input),
  revalidate: (input) => [`/posts/${input.id}`],
  done: (_, input) => ({ redirect: `/posts/${input.id}?saved=1` }),
});

export const closePostAction = formAction({
  permission: "posts.manage",
  schema: ZClosePost,
  run: (input) => closePost(input),
  revalidate: (input) => [`/posts/${input.id}`],
  done: (_, input) => ({ redirect: `/posts/${input.id}?closed=1` }),
});

export const assignPractitionerAction = formAction({
  permission: "posts.manage",
  schema: ZAssignPractitioner,
  run: (input) => assignPractitioner(input),
  revalidate: (input) => [`/posts/${input.postId}`],
  done: ({ overfilled, belowRequirement }, input) => ({ redirect: `/posts/${input.postId}?assigned=${overfilled ? "over" : "1"}${belowRequirement ? "&below=1" : ""}` }),
});

export const endAssignmentAction = formAction({
  permission: "posts.manage",
  schema: ZEndAssignment,
  run: (input) => endAssignment(input),
  revalidate: (_, { postId }) => [`/posts/${postId}`],
  done: ({ postId }) => ({ redirect: `/posts/${postId}?ended=1` }),
});
