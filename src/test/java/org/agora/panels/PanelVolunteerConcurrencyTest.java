package org.agora.panels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.RoleScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** One volunteer per email per panel, with people sending the form at the same moment from several threads. */
@AgoraTest
@Import(PanelsTestSetup.class)
class PanelVolunteerConcurrencyTest {

    @Autowired ApplicationContext context;
    @Autowired People people;
    @Autowired PanelManagement management;
    @Autowired Panels panels;
    @Autowired Volunteers volunteers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void theSameEmailSentEightTimesAtOnceMakesOneVolunteerAndDifferentEmailsGetDistinctPseudonyms() throws Exception {
        clock.reset();
        Panel panel = PanelTestBed.recruitingPanel(management, panels, people.staff(RoleScope.GLOBAL),
                PanelTestBed.territory(context), clock);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PanelManagement.Volunteered>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String email = i < 4 ? "meme.personne@example.org" : "autre" + i + "@example.org";
            outcomes.add(pool.submit(() -> {
                start.await();
                return management.volunteer(panel.id(), new VolunteerForm("Marie Même", email, "1 place du Martroi", "45000",
                        java.util.Map.of("feature-0", "femme", "feature-1", "jeune"), true), "fr", new HashMap<>());
            }));
        }
        start.countDown();
        for (Future<PanelManagement.Volunteered> outcome : outcomes) {
            assertThat(outcome.get()).isEqualTo(PanelManagement.Volunteered.RECORDED);
        }
        pool.shutdown();

        List<Volunteer> pool5 = volunteers.pool(panel.id());
        assertThat(pool5).hasSize(5);
        assertThat(pool5).extracting(Volunteer::email).filteredOn("meme.personne@example.org"::equals).hasSize(1);
        assertThat(pool5).extracting(Volunteer::pseudonym).doesNotHaveDuplicates();
        // The database itself refuses a second row with the same email for the panel.
        assertThat(jdbc.sql("SELECT count(*) FROM panel_volunteer WHERE panel_id = ? AND email = ?")
                .params(panel.id(), "meme.personne@example.org").query(Long.class).single()).isEqualTo(1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> volunteers.insert(panel.id(), 999,
                        new Volunteers.Draft(Volunteer.FORM, null, "meme.personne@example.org", "X", "a", "45000", null,
                                java.util.Map.of(), "fr", null), clock.instant()))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
