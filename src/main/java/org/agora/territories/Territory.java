package org.agora.territories;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One node of the territory tree. Rows are written in bulk by {@link TerritoryImporter}; the entity is read-only for
 * the rest of the module, which is why it has no mutators.
 */
@Entity
@Table(name = "territory")
class Territory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private TerritoryKind kind;

    private String code;

    private String name;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "postal_codes")
    private String postalCodes;

    private String path;

    @Column(name = "search_name")
    private String searchName;

    protected Territory() {
    }

    Long id() {
        return id;
    }

    TerritoryKind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    Long parentId() {
        return parentId;
    }

    String path() {
        return path;
    }

    List<String> postalCodes() {
        return postalCodes == null || postalCodes.isEmpty() ? List.of() : Arrays.asList(postalCodes.split(","));
    }

    TerritoryView view() {
        return new TerritoryView(id, kind, code, name, parentId, List.copyOf(postalCodes()));
    }
}
