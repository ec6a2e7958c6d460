package org.agora.moderation;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;

/**
 * What moderators need to judge one item: its author, its process (for the per-process queue; null when it belongs
 * to none), an excerpt of its text as written (also when hidden), where it is shown, and whether it is hidden now.
 */
public record ModeratedContent(ResourceRef resource, AccountId author, Long processId, String excerpt, String path,
                               boolean hidden) {
}
