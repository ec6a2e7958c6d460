package org.agora.processes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** On a first start with demo data: four processes of the Centre-Val de Loire, dated around today. */
@Component
@Order(30)
@ConditionalOnBooleanProperty("agora.demo-data")
class ProcessDemoData implements ApplicationRunner {

    private final Processes processes;
    private final ProcessActions actions;
    private final TerritoryDirectory territories;
    private final Clock clock;

    ProcessDemoData(Processes processes, ProcessActions actions, TerritoryDirectory territories, Clock clock) {
        this.processes = processes;
        this.actions = actions;
        this.territories = territories;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (processes.count() > 0) {
            return;
        }
        TerritoryView region = territories.findByCode(TerritoryKind.REGION, "24").orElse(null);
        TerritoryView loiret = territories.findByCode(TerritoryKind.DEPARTEMENT, "45").orElse(null);
        TerritoryView tours = territories.findByCode(TerritoryKind.LIVING_AREA, "372").orElse(null);
        if (region == null || loiret == null || tours == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.PARIS));

        ParticipatoryProcess permanent = add("democratie-permanente-centre-val-de-loire",
                "Démocratie permanente en Centre-Val de Loire",
                "Une tournée citoyenne dans les bassins de vie, des ateliers Fabrik, six panels départementaux et une "
                        + "plateforme en ligne : proposez, débattez et suivez ce que deviennent vos propositions.",
                PERMANENT, region.id(), List.of(
                        new Phase("Découvrir", "Tournée citoyenne et réunions de lancement dans chaque bassin de vie.",
                                today.minusMonths(3), today.minusMonths(1).minusDays(1)),
                        new Phase("Contribuer", "Ateliers Fabrik, panels départementaux et propositions en ligne.",
                                today.minusMonths(1), today.plusMonths(2), true, true),
                        new Phase("Répondre", "Chaque proposition est orientée vers sa destination et reçoit une réponse.",
                                today.plusMonths(2).plusDays(1), today.plusMonths(5)),
                        new Phase("Rendre compte", "Restitution publique dans les bassins de vie et bilan en ligne.",
                                today.plusMonths(5).plusDays(1), today.plusMonths(8))),
                EnumSet.of(ProcessFeature.PROPOSALS, ProcessFeature.COMMENTS, ProcessFeature.SUPPORTS,
                        ProcessFeature.MEETINGS, ProcessFeature.PANELS));
        permanent.useParticipationRules(List.of("Mobilités", "Transition écologique", "Formation et emploi",
                "Démocratie et citoyenneté", "Santé", "Culture"), null, 25);
        permanent.publish(clock.instant());

        ParticipatoryProcess lycees = add("budget-participatif-lycees-loiret",
                "Budget participatif des lycées du Loiret",
                "Les lycéennes et lycéens du Loiret proposent puis choisissent des projets pour leur établissement.",
                LYCEES, loiret.id(), List.of(
                        new Phase("Proposer des projets", "Chaque lycée dépose ses idées en ligne ou en conseil de vie lycéenne.",
                                today.plusMonths(1), today.plusMonths(2), true, false),
                        new Phase("Étudier la faisabilité", "Les services vérifient le coût et la faisabilité de chaque projet.",
                                today.plusMonths(2).plusDays(1), today.plusMonths(3)),
                        new Phase("Voter", "Chaque élève dispose d’un bulletin pour les projets de son lycée.",
                                today.plusMonths(3).plusDays(1), today.plusMonths(4))),
                EnumSet.of(ProcessFeature.PROPOSALS, ProcessFeature.BUDGETS, ProcessFeature.COMMENTS));
        lycees.publish(clock.instant());

        ParticipatoryProcess mobilites = add("concertation-mobilites-touraine",
                "Concertation sur les mobilités du quotidien en Touraine",
                "Comment se déplacer autrement autour de Tours ? Bilan de la concertation menée avec les habitants.",
                MOBILITES, tours.id(), List.of(
                        new Phase("Contribuer", "Réunions publiques et contributions en ligne.",
                                today.minusMonths(10), today.minusMonths(8)),
                        new Phase("Rendre compte", "Publication de la synthèse et des engagements pris.",
                                today.minusMonths(8).plusDays(1), today.minusMonths(6))),
                EnumSet.of(ProcessFeature.PROPOSALS, ProcessFeature.COMMENTS, ProcessFeature.MEETINGS));
        mobilites.publish(clock.instant());
        mobilites.close(clock.instant());

        add("charte-participation-citoyenne", "Charte régionale de la participation citoyenne",
                "Projet de charte et de cadre éthique, en préparation avant sa mise en débat.",
                "## Un texte en préparation\n\nLa charte fixera les engagements de la Région envers les participants.",
                region.id(), List.of(new Phase("Rédiger", null, today.plusMonths(3), today.plusMonths(4))),
                EnumSet.of(ProcessFeature.COMMENTS));
    }

    private ParticipatoryProcess add(String slug, String title, String summary, String description, long territoryId,
                                     List<Phase> phases, Set<ProcessFeature> features) {
        ParticipatoryProcess process = processes.saveAndFlush(new ParticipatoryProcess(slug, title, summary,
                description, territoryId, phases, features, clock.instant()));
        actions.save(new ProcessAction(process.id(), null, "CREATED", "demo data", clock.instant()));
        return process;
    }

    private static final String PERMANENT = """
            ## Pourquoi une démocratie permanente ?

            La Région Centre-Val de Loire veut associer les habitants aux décisions **tout au long de l’année**, et pas
            seulement au moment des élections. Cette démarche réunit, en un seul lieu, toutes les manières de participer.

            ## Comment participer ?

            - **La tournée citoyenne** passe dans chacun des bassins de vie de la région : venez rencontrer les élus et
              les agents, exposer vos idées et vos difficultés.
            - **Les ateliers Fabrik**, animés par des bénévoles formés, transforment ces idées en propositions concrètes.
            - **Six panels départementaux**, composés d’habitants tirés au sort, approfondissent les sujets qui font débat.
            - **La plateforme en ligne** permet de proposer, de commenter et de soutenir les propositions.

            ## Que deviennent les propositions ?

            Plus de 500 propositions ont été recueillies lors de la première édition. Chacune est orientée vers une
            destination — un service de la Région, un autre échelon de collectivité, une saisine du CESER ou du
            Conseil régional des jeunes — et reçoit une **réponse publique**.

            1. La proposition est déposée et publiée.
            2. Elle est examinée et orientée vers sa destination.
            3. Une réponse motivée est publiée, puis suivie jusqu’à sa mise en œuvre.
            """;

    private static final String LYCEES = """
            ## Un budget pour vos projets

            Le Département consacre une enveloppe à des projets **imaginés et choisis par les élèves** de chaque lycée :
            aménagement d’un foyer, matériel sportif, jardin pédagogique, actions solidaires…

            ## Qui peut participer ?

            - toutes les lycéennes et tous les lycéens du Loiret ;
            - les équipes éducatives, pour accompagner les projets.

            Les projets retenus seront réalisés au cours de l’année scolaire suivante.
            """;

    private static final String MOBILITES = """
            ## Ce que nous avons entendu

            Plus de 1 200 contributions ont porté sur les transports en commun, le vélo et le covoiturage.

            ## Ce qui change

            - une ligne de bus express entre Tours et les communes de la première couronne ;
            - trois nouveaux itinéraires cyclables sécurisés ;
            - des aires de covoiturage aux entrées de l’agglomération.

            La synthèse complète et les réponses apportées à chaque proposition restent consultables.
            """;
}
