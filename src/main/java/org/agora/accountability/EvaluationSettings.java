package org.agora.accountability;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Per process: publish answers as soon as validated (true) or in a grouped publication (false, the default). */
@Component
@Transactional
class EvaluationSettings {

    private final JdbcTemplate jdbc;

    EvaluationSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean publishOnValidation(long processId) {
        return jdbc.queryForList("SELECT publish_on_validation FROM evaluation_setting WHERE process_id = ?",
                Boolean.class, processId).stream().findFirst().orElse(false);
    }

    void publishOnValidation(long processId, boolean immediately) {
        if (jdbc.update("UPDATE evaluation_setting SET publish_on_validation = ? WHERE process_id = ?", immediately, processId) == 0) {
            jdbc.update("INSERT INTO evaluation_setting (process_id, publish_on_validation) VALUES (?, ?)", processId, immediately);
        }
    }
}
