package org.agora.accountability;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The authority's charter: numbered articles, each a title and a text of paragraphs. */
@Service
class CharterArticles {

    record Article(long id, int number, String title, String body) {
        /** The text's paragraphs (separated by blank lines), shown as plain paragraphs. */
        public List<String> paragraphs() {
            return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        }
    }

    private final JdbcClient jdbc;

    CharterArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Article> all() {
        return jdbc.sql("SELECT id, number, title, body FROM charter_article ORDER BY number").query(Article.class).list();
    }

    Optional<Article> find(long id) {
        return jdbc.sql("SELECT id, number, title, body FROM charter_article WHERE id = ?").param(id)
                .query(Article.class).optional();
    }

    @Transactional
    long create(String number, String title, String body) {
        Article article = check(0, number, title, body);
        return WorkProgrammes.insert(jdbc, "INSERT INTO charter_article (number, title, body) VALUES (?, ?, ?)",
                article.number(), article.title(), article.body());
    }

    @Transactional
    void update(long id, String number, String title, String body) {
        Article article = check(id, number, title, body);
        jdbc.sql("UPDATE charter_article SET number = ?, title = ?, body = ? WHERE id = ?")
                .params(article.number(), article.title(), article.body(), id).update();
    }

    @Transactional
    void delete(long id) {
        jdbc.sql("DELETE FROM contribution WHERE target_kind = ? AND target_id = ?")
                .params(ContributionKind.CHARTER_ARTICLE.name(), id).update();
        jdbc.sql("DELETE FROM charter_article WHERE id = ?").param(id).update();
    }

    private Article check(long id, String number, String title, String body) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        int value = check.number("number", number, 1, 999);
        String checkedTitle = check.text("title", title, 200);
        String checkedBody = check.text("body", body, 20_000);
        if (jdbc.sql("SELECT COUNT(*) FROM charter_article WHERE number = ? AND id <> ?").params(value, id)
                .query(Integer.class).single() > 0) {
            check.fail("number", "accountability.charter.error.numberTaken");
        }
        check.done();
        return new Article(id, value, checkedTitle, checkedBody);
    }
}
