package org.digitbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Version 2's flat trials, grouped into version 3's: the map of moves matches the records, and moves every value. */
class ResultsMigrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }

    @Test
    void eachGroupHoldsExactlyItsRecordsFields() {
        assertEquals(components(TrialResult.PluginInfo.class), ResultsMigration.GROUPS.get("plugin"));
        assertEquals(components(TrialResult.Evaluation.class), ResultsMigration.GROUPS.get("evaluation"));
        assertEquals(components(TrialResult.Times.class), ResultsMigration.GROUPS.get("times"));
        assertEquals(components(TrialResult.Network.class), ResultsMigration.GROUPS.get("network"));
        assertEquals(components(TrialResult.Resources.class), ResultsMigration.GROUPS.get("resources"));
        List<String> top = new ArrayList<>(components(TrialResult.class));
        top.removeAll(ResultsMigration.GROUPS.keySet());
        int unwrapped = top.indexOf("outcome"); // @JsonUnwrapped: its fields stand at the top of the JSON
        top.remove(unwrapped);
        top.addAll(unwrapped, components(TrialResult.Outcome.class));
        assertEquals(List.of("pluginId", "seed", "status", "error", "reusedFrom", "modelFile", "timing"), top,
                "what stays at the top, as in version 2, and the run a trial from the trial cache came from (version 3)");
        int moved = ResultsMigration.GROUPS.values().stream().mapToInt(List::size).sum();
        assertEquals(27 + 4, moved + top.size(), "version 2's 27 fields, none lost, and the model's size, calibration, "
                + "robustness and the cache's reusedFrom (version 3 added them)");
    }

    @Test
    void aFlatTrialIsGroupedWithItsValuesAndReads() {
        ObjectNode flat = JSON.createObjectNode();
        flat.put("pluginId", "smile-mlp").put("seed", 7).put("status", "ok").putNull("error");
        flat.put("library", "Smile").put("libraryVersion", "6.3.0").put("family", "neural network").put("description", "d");
        flat.putObject("hyperparameters").put("epochs", 3);
        flat.putObject("libraryProvenance");
        flat.put("trainingSize", 600).put("testSize", 300).putNull("metrics").putArray("predictions").add(3).add(1);
        flat.putArray("mistakes");
        flat.put("trainSeconds", 1.5).put("predictSeconds", 0.25).put("trialSeconds", 9.0).put("finishedAt", "2026-12-01T10:00:00Z");
        flat.put("parameterCount", 1234).putArray("layers");
        flat.putArray("history");
        flat.put("peakHeapBytes", 1L << 30).put("peakRssBytes", 1L << 31).putNull("machine");
        flat.putNull("modelFile").putNull("timing");

        ObjectNode v3 = ResultsMigration.trialToV3(flat);
        assertFalse(v3.has("library") || v3.has("trainSeconds") || v3.has("machine"), "nothing left flat: " + v3);
        assertEquals("Smile", v3.path("plugin").path("library").asString());
        assertEquals(0.25, v3.path("times").path("predictSeconds").asDouble());
        TrialResult t = JSON.treeToValue(v3, TrialResult.class);
        assertEquals("smile-mlp", t.pluginId());
        assertEquals(7, t.seed());
        assertEquals(3, t.plugin().hyperparameters().get("epochs"));
        assertEquals(600, t.evaluation().trainingSize());
        assertEquals(List.of(3, 1), Arrays.stream(t.evaluation().predictions()).boxed().toList());
        assertEquals(1.5, t.times().trainSeconds());
        assertEquals(1234L, t.network().parameterCount());
        assertEquals(1L << 31, t.resources().peakRssBytes());
        assertTrue(ResultsMigration.trialToV3(v3).equals(v3), "a grouped trial is left as it is");
    }
}
