package org.agora.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How people appear in open data and the API. A person is a stable pseudonymous id ("p-" and 16 hex digits, an
 * HMAC-SHA256 of the account id under the instance's secret key, so it cannot be reversed or recomputed elsewhere),
 * unless they chose to show their pseudonym there. Never an email or a real name.
 */
@Component
public class PublicAuthors {

    private final JdbcClient jdbc;
    private volatile SecretKeySpec key;

    PublicAuthors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stable pseudonymous id of an account; the same on every export and every node of the instance. */
    public String pseudonymousId(AccountId account) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(Long.toString(account.value()).getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The public name of each account in open data: its pseudonym if the person chose to show it there (and the
     * account is not deleted), otherwise its pseudonymous id. Null entries (no author account) are left out.
     */
    public Map<AccountId, String> publicNames(Collection<AccountId> accounts) {
        Map<AccountId, String> names = new HashMap<>();
        for (AccountId account : accounts) {
            if (account != null) {
                names.put(account, pseudonymousId(account));
            }
        }
        List<Long> ids = names.keySet().stream().map(AccountId::value).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("SELECT id, pseudonym FROM account WHERE open_data_name AND deleted_at IS NULL AND id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query((rs, row) -> names.put(new AccountId(rs.getLong(1)), rs.getString(2)))
                    .list();
        }
        return names;
    }

    private SecretKeySpec key() {
        if (key == null) {
            String secret = jdbc.sql("SELECT secret FROM pseudonym_key WHERE id = 1").query(String.class).optional()
                    .orElseGet(this::createSecret);
            key = new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256");
        }
        return key;
    }

    private String createSecret() {
        String secret = Secrets.hash(Secrets.newToken());
        try {
            jdbc.sql("INSERT INTO pseudonym_key (id, secret) VALUES (1, :secret)").param("secret", secret).update();
            return secret;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return jdbc.sql("SELECT secret FROM pseudonym_key WHERE id = 1").query(String.class).single();
        }
    }
}
