package org.agora.programmes;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The yearly report as a facilitator types it; the counts are whole numbers within reason. */
record CentreReportForm(String peopleAccompanied, String sessions, List<String> themes, String otherTheme,
                        String comments) {

    /** More than this in one centre in one year is a typing mistake, not a figure. */
    static final int MAX_PEOPLE = 100_000;
    static final int MAX_SESSIONS = 10_000;

    static CentreReportForm of(CentreReport report) {
        return new CentreReportForm(Integer.toString(report.peopleAccompanied()), Integer.toString(report.sessions()),
                report.themes().stream().map(Enum::name).toList(),
                report.otherTheme() == null ? "" : report.otherTheme(), report.comments() == null ? "" : report.comments());
    }

    static CentreReportForm empty() {
        return new CentreReportForm("", "", List.of(), "", "");
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (count(peopleAccompanied, MAX_PEOPLE) == null) {
            problems.put("peopleAccompanied", "programmes.centre.report.error.people");
        }
        if (count(sessions, MAX_SESSIONS) == null) {
            problems.put("sessions", "programmes.centre.report.error.sessions");
        }
        if (chosenThemes() == null) {
            problems.put("themes", "programmes.centre.report.error.themes");
        }
        if (CentreForm.strip(otherTheme).length() > 200) {
            problems.put("otherTheme", "programmes.centre.report.error.otherTheme");
        }
        if (CentreForm.strip(comments).length() > 4000) {
            problems.put("comments", "programmes.centre.report.error.comments");
        }
        return problems;
    }

    public boolean hasTheme(String name) {
        return themes != null && themes.contains(name);
    }

    Checked check() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("Check problems() first");
        }
        String other = CentreForm.strip(otherTheme);
        String text = CentreForm.strip(comments);
        return new Checked(count(peopleAccompanied, MAX_PEOPLE), count(sessions, MAX_SESSIONS), chosenThemes(),
                other.isEmpty() ? null : other, text.isEmpty() ? null : text);
    }

    private Set<CentreTheme> chosenThemes() {
        Set<CentreTheme> chosen = EnumSet.noneOf(CentreTheme.class);
        for (String theme : themes == null ? List.<String>of() : themes) {
            try {
                chosen.add(CentreTheme.valueOf(theme));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
        return chosen;
    }

    static Integer count(String typed, int max) {
        String value = CentreForm.strip(typed).replace(" ", "").replace("\u202f", "").replace("\u00a0", "");
        if (!value.matches("\\d{1,7}")) {
            return null;
        }
        int count = Integer.parseInt(value);
        return count > max ? null : count;
    }

    record Checked(int peopleAccompanied, int sessions, Set<CentreTheme> themes, String otherTheme, String comments) {
    }
}
