"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { assignPractitioner, closePost, createPost, endAssignment, updatePost } from "@/server/posts/mutations";
import { failure, formValues } from "@/features/action-result";
import { type TActionState } from "@/domain/common/action-state";
import { ZAssignPractitioner, ZClosePost, ZCreatePost, ZEndAssignment, ZUpdatePost } from "@/domain/posts/schemas";

export async function createPostAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZCreatePost.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let id: string;
  try {
    id = (await createPost(parsed.data)).id;
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath("/posts");
  redirect(`/posts/${id}?created=1`);
}

export async function updatePostAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZUpdatePost.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await updatePost(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/posts/${parsed.data.id}`);
  redirect(`/posts/${parsed.data.id}?saved=1`);
}

export async function closePostAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZClosePost.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  try {
    await closePost(parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/posts/${parsed.data.id}`);
  redirect(`/posts/${parsed.data.id}?closed=1`);
}

export async function assignPractitionerAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZAssignPractitioner.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let overfilled: boolean;
  try {
    overfilled = (await assignPractitioner(parsed.data)).overfilled;
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/posts/${parsed.data.postId}`);
  redirect(`/posts/${parsed.data.postId}?assigned=${overfilled ? "over" : "1"}`);
}

export async function endAssignmentAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const values = formValues(formData);
  const parsed = ZEndAssignment.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failure(parsed.error, values);
  let postId: string;
  try {
    postId = (await endAssignment(parsed.data)).postId;
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(`/posts/${postId}`);
  redirect(`/posts/${postId}?ended=1`);
}
