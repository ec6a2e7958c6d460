package org.agora.meetings;

/** What staff type to create or change a series. */
record SeriesForm(String kind, String title, String description, String process) {

    static final String[] FIELDS = {"kind", "title", "description", "process"};

    SeriesForm {
        kind = kind == null ? "" : kind.strip();
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip().replace("\r\n", "\n");
        process = process == null ? "" : process.strip();
    }

    static SeriesForm of(Series series) {
        return new SeriesForm(series.kind().name(), series.title(), series.description(),
                series.processId() == null ? "" : series.processId().toString());
    }
}
