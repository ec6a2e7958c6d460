package org.agora.processes;

import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;

/** Read-only query for the feature modules: what a process allows today (Paris time). */
public interface ProcessRules {

    /** A publicly visible process (published or closed) by its slug. */
    Optional<ProcessSettings> bySlug(String slug);

    /** A publicly visible process (published or closed) by its id. */
    Optional<ProcessSettings> byId(ProcessId id);

    /** Slugs of the public processes that use this feature. */
    List<String> publicSlugsWith(ProcessFeature feature);

    /** Whether this person runs this process as staff (administrators, global staff, staff of its territory or of it). */
    boolean managedBy(AgoraUser user, ProcessId id);
}
