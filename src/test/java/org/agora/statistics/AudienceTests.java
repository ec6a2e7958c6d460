package org.agora.statistics;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.RoleScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Page views counted by the server, without trackers, kept in memory and written every minute. */
@AgoraTest
class AudienceTests {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired
    MockMvc mvc;

    @Autowired
    AudienceCounter counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AccountManagement accounts;

    @BeforeEach
    void startFromWrittenCounters() {
        counter.flush();
    }

    private long views(String path) {
        return jdbc.sql("select coalesce(sum(views), 0) from page_view_daily where path = ?").param(path)
                .query(Long.class).single();
    }

    private void visit(String path, String address, String userAgent) throws Exception {
        mvc.perform(get(path).header("User-Agent", userAgent).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }));
    }

    @Test
    void countsAPublicPageViewOnlyOnceWrittenAndKeepsNeitherAddressNorBrowser() throws Exception {
        long before = views("/newsletter/archives");
        visit("/newsletter/archives?utm_source=lettre", "203.0.113.71", BROWSER);
        visit("/newsletter/archives", "203.0.113.72", BROWSER);

        // Counting did not write: the page cost a map update.
        assertThat(views("/newsletter/archives")).isEqualTo(before);
        counter.flush();
        assertThat(views("/newsletter/archives")).isEqualTo(before + 2);

        List<Map<String, Object>> stored = new java.util.ArrayList<>(jdbc.sql("select * from page_view_daily").query().listOfRows());
        stored.addAll(jdbc.sql("select * from audience_daily").query().listOfRows());
        assertThat(stored.toString()).doesNotContain("203.0.113.71", "203.0.113.72", "Firefox", "utm_source");
    }

    @Test
    void leavesOutBotsTheAdminAreaFilesErrorsAndOtherMethods() throws Exception {
        long before = views("/newsletter");
        visit("/newsletter", "198.51.100.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        visit("/newsletter", "198.51.100.2", "curl/8.5.0");
        visit("/newsletter", "198.51.100.3", "");
        visit("/sitemap.xml", "198.51.100.4", BROWSER);
        visit("/css/agora.css", "198.51.100.5", BROWSER);
        visit("/newsletter/archives/999999999", "198.51.100.6", BROWSER);
        mvc.perform(get("/admin/newsletter").header("User-Agent", BROWSER)
                .with(as(new People(accounts).staff(RoleScope.GLOBAL)))).andExpect(status().isOk());
        counter.flush();

        assertThat(views("/newsletter")).isEqualTo(before);
        assertThat(views("/sitemap.xml") + views("/css/agora.css") + views("/newsletter/archives/999999999")
                + views("/admin/newsletter")).isZero();
        assertThat(PageViewFilter.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"))
                .isFalse();
        assertThat(PageViewFilter.isBot("Mozilla/5.0 (compatible; bingbot/2.0)")).isTrue();
    }

    @Test
    void normalisesPathsKeepingIdsAndDroppingTrailingSlashes() {
        assertThat(PageViewFilter.normalised("/processes/mobilites/proposals/2026-000012/", "")).isEqualTo("/processes/mobilites/proposals/2026-000012");
        assertThat(PageViewFilter.normalised("/", "")).isEqualTo("/");
        assertThat(PageViewFilter.normalised("/agora/meetings/12", "/agora")).isEqualTo("/meetings/12");
        assertThat(PageViewFilter.normalised("/meetings;jsessionid=ABC", "")).isEqualTo("/meetings");
        assertThat(PageViewFilter.normalised("/admin/audience", "")).isNull();
        assertThat(PageViewFilter.normalised("/initiatives.atom", "")).isNull();
    }

    @Test
    void countsDistinctVisitorsPerDayWithASaltThatChangesEveryDay() {
        MutableClock clock = new MutableClock();
        AudienceCounter own = new AudienceCounter(jdbc, transactions, clock);
        LocalDate first = LocalDate.now(clock.withZone(AudienceCounter.PARIS));
        jdbc.sql("delete from audience_daily where visit_day in (?, ?)")
                .params(Date.valueOf(first), Date.valueOf(first.plusDays(1))).update();

        own.record("/a", "192.0.2.10", BROWSER);
        own.record("/b", "192.0.2.10", BROWSER);
        own.record("/a", "192.0.2.11", BROWSER);
        own.record("/a", "192.0.2.10", "Another browser/1.0");
        assertThat(own.visitorsToday()).isEqualTo(3);
        own.flush();
        own.record("/c", "192.0.2.12", BROWSER);
        assertThat(own.seenToday("192.0.2.10", BROWSER)).isTrue();

        clock.advance(Duration.ofDays(1));
        // A new day: yesterday's hashes and salt are gone, the same person is a new visitor.
        assertThat(own.seenToday("192.0.2.10", BROWSER)).isFalse();
        assertThat(own.visitorsToday()).isZero();
        own.record("/a", "192.0.2.10", BROWSER);
        own.flushOnShutdown();

        assertThat(visitors(first)).isEqualTo(4);
        assertThat(visitors(first.plusDays(1))).isEqualTo(1);
    }

    private long visitors(LocalDate day) {
        return jdbc.sql("select visitors from audience_daily where visit_day = ?").param(Date.valueOf(day))
                .query(Long.class).single();
    }

    @Test
    void staffSeeTheMostReadPagesTheMonthsAndTheSections() throws Exception {
        visit("/meetings", "192.0.2.20", BROWSER);
        counter.flush();
        mvc.perform(get("/admin/audience").with(as(new People(accounts).staff(RoleScope.GLOBAL))))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/meetings")));
        mvc.perform(get("/admin/audience").with(as(new People(accounts).participant()))).andExpect(status().isForbidden());
    }
}
