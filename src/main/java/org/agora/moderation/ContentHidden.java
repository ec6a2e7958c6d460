package org.agora.moderation;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;

/** Content was hidden, by a moderator or automatically after enough reports. Published in the hiding transaction. */
public record ContentHidden(ResourceRef resource, AccountId author, ModerationReason reason, boolean automatic) {
}
