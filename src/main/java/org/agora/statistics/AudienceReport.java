package org.agora.statistics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the audience page shows, read from the daily counters. */
@Component
class AudienceReport {

    /** A section of the site: a name (message key) and how its page paths are recognised. */
    enum Section {
        INITIATIVES("/initiatives"), RESOURCES("/ressources"), PROCESSES("/processes"), PROPOSALS(null),
        MEETINGS("/meetings"), NEWSLETTER("/newsletter");

        final String prefix;

        Section(String prefix) {
            this.prefix = prefix;
        }
    }

    record PageFigure(String path, long views) {
    }

    /** Views and the visitors estimate (the sum of the days' distinct visitors, an upper bound). */
    record MonthFigure(YearMonth month, long views, long visitors) {
    }

    record SectionFigure(Section section, long views) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AudienceReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(AudienceCounter.PARIS));
    }

    @Transactional(readOnly = true)
    List<PageFigure> mostRead(LocalDate from, int limit) {
        return jdbc.sql("select path, sum(views) as total from page_view_daily where view_day >= ? group by path "
                        + "order by total desc, path fetch first " + limit + " rows only")
                .param(Date.valueOf(from)).query((row, n) -> new PageFigure(row.getString(1), row.getLong(2))).list();
    }

    @Transactional(readOnly = true)
    List<MonthFigure> months(int count) {
        LocalDate from = YearMonth.from(today()).minusMonths(count - 1L).atDay(1);
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(today())); month = month.plusMonths(1)) {
            months.put(month, new long[2]);
        }
        jdbc.sql("select view_day, views from page_view_daily where view_day >= ?").param(Date.valueOf(from))
                .query((row, n) -> {
                    months.get(YearMonth.from(row.getDate(1).toLocalDate()))[0] += row.getLong(2);
                    return null;
                }).list();
        jdbc.sql("select visit_day, visitors from audience_daily where visit_day >= ?").param(Date.valueOf(from))
                .query((row, n) -> {
                    months.get(YearMonth.from(row.getDate(1).toLocalDate()))[1] += row.getLong(2);
                    return null;
                }).list();
        List<MonthFigure> figures = new ArrayList<>();
        months.forEach((month, pair) -> figures.add(new MonthFigure(month, pair[0], pair[1])));
        return figures.reversed();
    }

    /** Views per section since {@code from}; proposals are counted apart from the rest of their process's pages. */
    @Transactional(readOnly = true)
    List<SectionFigure> sections(LocalDate from) {
        List<SectionFigure> figures = new ArrayList<>();
        for (Section section : Section.values()) {
            long views;
            if (section == Section.PROPOSALS) {
                views = sum("path like '/processes/%/proposals%'", from);
            } else if (section == Section.PROCESSES) {
                views = sum("(path = '/processes' or path like '/processes/%') and path not like '/processes/%/proposals%'", from);
            } else {
                views = jdbc.sql("select coalesce(sum(views), 0) from page_view_daily where view_day >= ? and (path = ? or path like ?)")
                        .params(Date.valueOf(from), section.prefix, section.prefix + "/%").query(Long.class).single();
            }
            figures.add(new SectionFigure(section, views));
        }
        return figures;
    }

    private long sum(String condition, LocalDate from) {
        return jdbc.sql("select coalesce(sum(views), 0) from page_view_daily where view_day >= ? and " + condition)
                .param(Date.valueOf(from)).query(Long.class).single();
    }
}
