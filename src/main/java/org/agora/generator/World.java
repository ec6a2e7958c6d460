package org.agora.generator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The region as the generator sees it: every commune with its living area, département and a weight. The reference
 * file has no population, so the commune that gives its living area its name (the main town) weighs as much as many
 * villages, which puts most people and proposals in and around the towns.
 */
final class World {

    static final int MAIN_TOWN_WEIGHT = 120;

    final long regionId;
    final List<Long> departementIds = new ArrayList<>();
    final List<String> departementNames = new ArrayList<>();
    final List<String> departementCodes = new ArrayList<>();
    final List<Long> livingAreaIds = new ArrayList<>();
    /** Per living area: its département's index. */
    final List<Integer> livingAreaDepartement = new ArrayList<>();
    final long[] communeIds;
    final String[] communeNames;
    /** Per commune: index of its living area. */
    final int[] communeLivingArea;
    private final double[] cumulative;

    private World(long regionId, long[] communeIds, String[] communeNames, int[] communeLivingArea, double[] cumulative) {
        this.regionId = regionId;
        this.communeIds = communeIds;
        this.communeNames = communeNames;
        this.communeLivingArea = communeLivingArea;
        this.cumulative = cumulative;
    }

    static World load(Connection connection) throws SQLException {
        record Row(long id, String kind, String code, String name, Long parent) {
        }
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, kind, code, name, parent_id FROM territory ORDER BY kind, code")) {
            while (rs.next()) {
                long parent = rs.getLong(5);
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.wasNull() ? null : parent));
            }
        }
        Long region = rows.stream().filter(row -> row.kind.equals("REGION")).map(Row::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("The territory table holds no region."));
        Map<Long, Integer> departements = new HashMap<>();
        Map<Long, Integer> livingAreas = new HashMap<>();
        Map<Long, String> livingAreaNames = new HashMap<>();
        List<Row> communes = new ArrayList<>();
        World world = null;
        List<Long> depIds = new ArrayList<>();
        List<String> depNames = new ArrayList<>();
        List<String> depCodes = new ArrayList<>();
        for (Row row : rows) {
            if (row.kind.equals("DEPARTEMENT")) {
                departements.put(row.id, depIds.size());
                depIds.add(row.id);
                depNames.add(row.name);
                depCodes.add(row.code);
            }
        }
        List<Long> areaIds = new ArrayList<>();
        List<Integer> areaDeps = new ArrayList<>();
        for (Row row : rows) {
            if (row.kind.equals("LIVING_AREA") && departements.containsKey(row.parent)) {
                livingAreas.put(row.id, areaIds.size());
                livingAreaNames.put(row.id, row.name);
                areaIds.add(row.id);
                areaDeps.add(departements.get(row.parent));
            } else if (row.kind.equals("COMMUNE")) {
                communes.add(row);
            }
        }
        communes.removeIf(commune -> !livingAreas.containsKey(commune.parent));
        if (communes.isEmpty()) {
            throw new IllegalStateException("The territory table holds no commune under a living area and a département.");
        }
        long[] ids = new long[communes.size()];
        String[] names = new String[communes.size()];
        int[] areas = new int[communes.size()];
        double[] cumulative = new double[communes.size()];
        double sum = 0;
        SplittableRandom weights = new SplittableRandom(42);
        for (int i = 0; i < communes.size(); i++) {
            Row commune = communes.get(i);
            ids[i] = commune.id;
            names[i] = commune.name;
            areas[i] = livingAreas.get(commune.parent);
            boolean mainTown = commune.name.equals(livingAreaNames.get(commune.parent));
            sum += mainTown ? MAIN_TOWN_WEIGHT : 1 + weights.nextInt(4);
            cumulative[i] = sum;
        }
        world = new World(region, ids, names, areas, cumulative);
        world.departementIds.addAll(depIds);
        world.departementNames.addAll(depNames);
        world.departementCodes.addAll(depCodes);
        world.livingAreaIds.addAll(areaIds);
        world.livingAreaDepartement.addAll(areaDeps);
        return world;
    }

    /** A commune index drawn by weight. */
    int commune(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    int departementOf(int commune) {
        return livingAreaDepartement.get(communeLivingArea[commune]);
    }
}
