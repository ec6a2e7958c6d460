package org.agora.moderation;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;

/** A moderator showed hidden content again. Published in the restoring transaction. */
public record ContentRestored(ResourceRef resource, AccountId author) {
}
