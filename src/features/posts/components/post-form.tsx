import { withMessages } from "@/i18n/with-messages";
import { PostForm as PostFormClient } from "./post-form.client";

export type { TPostOrgOption, TPostFormValues } from "./post-form.client";

// The client component with the messages it renders (src/i18n/with-messages.tsx).
export const PostForm = withMessages(PostFormClient, ["adminLevels", "common", "enums.practiceField", "enums.qualificationLevel", "enums.ratioBasis", "errors", "orgKinds", "posts.errors", "posts.fields", "posts.form", "posts.notices", "posts.validation", "validation"]);
