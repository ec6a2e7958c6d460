/** People, sign-up and sign-in, roles and their scopes, personal data rights. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.agora.accounts;
