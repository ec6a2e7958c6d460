package org.agora.moderation;

import org.agora.accounts.AccountId;

/** Read-only query for the modules where people post: a blocked participant may read but not write. */
public interface ParticipantBlocks {

    boolean isBlocked(AccountId account);
}
