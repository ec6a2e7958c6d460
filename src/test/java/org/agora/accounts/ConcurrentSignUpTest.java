package org.agora.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Real threads against the real database: uniqueness holds through the constraints, and nobody sees a 500. */
@DatabaseTest
@SpringBootTest(properties = "agora.demo-data=false")
@AutoConfigureMockMvc
class ConcurrentSignUpTest {

    static final int PARALLEL = 20;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void twentyParallelSignUpsWithOneAddressMakeExactlyOneAccount() throws Exception {
        List<Integer> statuses = race(i -> "same@example.org", i -> "Pseudo " + i);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = 'same@example.org'", Integer.class)).isEqualTo(1);
        assertThat(statuses).allMatch(status -> status == 302);
    }

    @Test
    void twentyParallelSignUpsWithOnePseudonymMakeExactlyOneAccount() throws Exception {
        List<Integer> statuses = race(i -> "person" + i + "@example.org", i -> "Homonyme");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE pseudonym = 'Homonyme'", Integer.class)).isEqualTo(1);
        assertThat(statuses).containsOnly(302, 400).filteredOn(status -> status == 302).hasSize(1);
    }

    private List<Integer> race(java.util.function.IntFunction<String> email, java.util.function.IntFunction<String> pseudonym)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            tasks.add(() -> {
                start.await();
                return mvc.perform(post("/signup").with(csrf()).param("email", email.apply(n))
                        .param("pseudonym", pseudonym.apply(n)).param("password", "la Loire coule vers Nantes")
                        .param("acceptTerms", "true")).andReturn().getResponse().getStatus();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
