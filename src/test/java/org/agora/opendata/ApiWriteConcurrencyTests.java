package org.agora.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccessTokens;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.accounts.TokenScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** A partner application retrying a support from many threads at once gets successes, and one support is stored. */
@AgoraTest
class ApiWriteConcurrencyTests {

    static final int THREADS = 8;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired AccessTokens tokens;
    @Autowired JdbcTemplate jdbc;

    @Test
    void concurrentSupportsFromOneTokenStoreExactlyOneSupport() throws Exception {
        new TerritoryFixtures(context).load(ApiWriteTests.TREE);
        long region = context.getBean(TerritoryDirectory.class).findByCode(TerritoryKind.REGION, "APW1").orElseThrow().id();
        long commune = context.getBean(TerritoryDirectory.class).findByCode(TerritoryKind.COMMUNE, "APW1111").orElseThrow().id();
        People people = new People(context.getBean(AccountManagement.class));
        ProcessSettings process = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL))
                .open("Démarche des soutiens simultanés", region, List.of(), null, null);
        PublicProposal proposal = new ProposalFixtures(context).publish(process, people.participant(),
                "Une proposition soutenue en rafale", commune);
        AgoraUser supporter = people.participant();
        String token = tokens.create(supporter.id(), "Application pressée", Set.of(TokenScope.SUPPORTS_WRITE), null).secret();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(put(ApiWriteTests.SUPPORT, proposal.id().value())
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ? AND account_id = ?",
                Long.class, proposal.id().value(), supporter.id().value())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT supports_count FROM proposal WHERE id = ?", Long.class,
                proposal.id().value())).isEqualTo(1);
    }
}
