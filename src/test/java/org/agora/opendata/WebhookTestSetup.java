package org.agora.opendata;

import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What the webhooks' Spring tests share (one context): a movable clock and people. */
@TestConfiguration
class WebhookTestSetup {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    People people(AccountManagement accounts) {
        return new People(accounts);
    }
}
