package org.agora.programmes;

import org.agora.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What the programmes tests share (one Spring context for all of them): a clock they can move to a deadline. */
@TestConfiguration
public class ProgrammesTestSetup {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
