package org.agora.organisations;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One organisation of the registry. */
@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** The name without case, accents or punctuation: two organisations of one territory with the same key are likely one. */
    private String nameKey;

    @Enumerated(EnumType.STRING)
    private OrganisationKind kind;

    private long territoryId;

    private String siren;

    private String website;

    private Long createdBy;

    private Instant createdAt;

    private Instant updatedAt;

    protected Organisation() {
    }

    Organisation(OrganisationForm.Checked checked, Long createdBy, Instant now) {
        change(checked, now);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void change(OrganisationForm.Checked checked, Instant now) {
        this.name = checked.name();
        this.nameKey = key(checked.name());
        this.kind = checked.kind();
        this.territoryId = checked.territoryId();
        this.siren = checked.siren();
        this.website = checked.website();
        this.updatedAt = now;
    }

    /** "Association Les Amis du Loir" and "association les amis-du-loir" have the same key. */
    static String key(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").strip();
    }

    /** Takes over what only the removed duplicate knew. */
    void absorb(String otherSiren, String otherWebsite, Instant now) {
        if (siren == null) {
            siren = otherSiren;
        }
        if (website == null) {
            website = otherWebsite;
        }
        updatedAt = now;
    }

    void forgetSiren() {
        siren = null;
    }

    OrganisationView view() {
        return new OrganisationView(new OrganisationId(id), name, kind, territoryId, siren, website);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String nameKey() {
        return nameKey;
    }

    OrganisationKind kind() {
        return kind;
    }

    long territoryId() {
        return territoryId;
    }

    String siren() {
        return siren;
    }

    String website() {
        return website;
    }

    Instant createdAt() {
        return createdAt;
    }
}
