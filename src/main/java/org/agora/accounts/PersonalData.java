package org.agora.accounts;

/**
 * Implemented by each module that keeps data about people, so that "download my data" gathers all of it without
 * the accounts module knowing the others. Erasure is done by listening to {@link AccountDeleted}.
 */
public interface PersonalData {

    /** The key of this module's section in the exported JSON, e.g. "proposals". */
    String section();

    /** Plain values (records, lists, maps, strings, numbers) describing what this module holds about the person. */
    Object export(AccountId account);
}
