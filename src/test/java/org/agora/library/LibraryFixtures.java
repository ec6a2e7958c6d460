package org.agora.library;

import java.time.LocalDate;
import java.util.List;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.springframework.context.ApplicationContext;

/** A small territory tree of the library's own and drafts to fill in. */
final class LibraryFixtures {

    final long region;
    final long department;
    final long livingArea;
    final long commune;
    final long otherDepartment;

    LibraryFixtures(ApplicationContext context) {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;LIBR;Région des initiatives;;
                DEPARTEMENT;LIBD;Département des initiatives;LIBR;
                DEPARTEMENT;LIBE;Département voisin des initiatives;LIBR;
                LIVING_AREA;LIBA;Bassin des initiatives;LIBD;
                COMMUNE;LIBC;Bourg-des-Initiatives;LIBA;99301
                """);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        region = territories.findByCode(TerritoryKind.REGION, "LIBR").orElseThrow().id();
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "LIBD").orElseThrow().id();
        otherDepartment = territories.findByCode(TerritoryKind.DEPARTEMENT, "LIBE").orElseThrow().id();
        livingArea = territories.findByCode(TerritoryKind.LIVING_AREA, "LIBA").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "LIBC").orElseThrow().id();
    }

    static InitiativeDraft draft(String title, InitiativeKind kind, long territoryId, String... tags) {
        return new InitiativeDraft(title, "Un résumé de l’initiative « " + title + " » pour le catalogue.", kind,
                territoryId, null, "Association des habitants", "Ateliers, questionnaire en ligne",
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 11, 30), "Deux cents participants.",
                "Ce qui a marché : aller vers les habitants. Ce qui n’a pas marché : les réunions en soirée.",
                "Claire Martin", "claire.martin@example.org", List.of(tags));
    }

    static ResourceDraft resource(String title, ResourceKind kind, String... themes) {
        return new ResourceDraft(title, "Une ressource « " + title + " » pour les acteurs de la participation.", kind,
                List.of(themes), "");
    }
}
