package org.agora.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** One report per centre and year, guaranteed by the database, also when two facilitators save it at once. */
@AgoraTest
class CentreReportConcurrencyTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired CentreReports reports;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesASecondReportForTheSameCentreAndYear() {
        CyberCentre centre = new CyberCentreTestBed(context).centre("Centre à rapport unique", false);
        CentreReport first = new CentreReport(centre.id(), 2080);
        first.write(new CentreReportForm.Checked(1, 1, java.util.Set.of(), null, null), null, Instant.now());
        reports.saveAndFlush(first);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO centre_report (centre_id, report_year, people_accompanied, sessions, status, updated_at)
                VALUES (?, 2080, 1, 1, 'DRAFT', ?)""", centre.id(), java.sql.Timestamp.from(Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void twoFacilitatorsSavingTheFirstDraftAtOnceMakeOneReportAndBothSucceed() throws Exception {
        People people = new People(accounts);
        AgoraUser first = people.someone("animatrice-simultanee");
        AgoraUser second = people.someone("animateur-simultane");
        CyberCentre centre = new CyberCentreTestBed(context).centre("Centre à deux animateurs", false,
                first.id().value(), second.id().value());
        int year = LocalDate.now().getYear() - 1;

        for (int round = 0; round < 3; round++) {
            CyberCentre fresh = round == 0 ? centre : new CyberCentreTestBed(context).centre("Centre à deux animateurs",
                    false, first.id().value(), second.id().value());
            String target = "/account/cyber-centres/" + fresh.id() + "/rapports/" + year;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> answers = new ArrayList<>();
            for (AgoraUser facilitator : List.of(first, second)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post(target).with(as(facilitator)).with(csrf())
                                    .param("peopleAccompanied", "30").param("sessions", "12").param("action", "save"))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM centre_report WHERE centre_id = ? AND report_year = ?",
                    Long.class, fresh.id(), year)).isEqualTo(1L);
        }
    }
}
