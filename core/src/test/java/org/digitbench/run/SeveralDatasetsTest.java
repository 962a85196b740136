package org.digitbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.digitbench.api.DigitbenchException;
import org.digitbench.data.DataSource;
import org.digitbench.data.Mnist;
import org.digitbench.results.store.DatasetsFile;
import org.digitbench.results.store.RunFolder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class SeveralDatasetsTest {
    @TempDir
    Path dir;

    private static DataSource spec(String s) {
        return DataSource.parse(s, new Mnist.Location(Path.of("data/mnist"), "test", false), null);
    }

    @Test
    void eachDatasetIsKeyedByItsFolderOrFileAsAPlainFolderName() {
        assertEquals(List.of("mnist", "fashion", "fashion-2", "train", "my-digits", "Fashion-3"),
                SeveralDatasets.keys(List.of(spec("mnist"), spec("idx:/data/fashion"), spec("idx:other/fashion/"),
                        spec("csv:kaggle/train.csv.gz"), spec("idx:/x/.my digits"), spec("idx:/y/Fashion"))));
        for (String key : SeveralDatasets.keys(List.of(spec("idx:/data/..."), spec("csv:/tmp/%%.csv")))) {
            assertEquals(key, RunFolder.checkId(key, "key"));
        }
    }

    @Test
    void aDatasetsFileThatDoesNotHoldTogetherIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve(RunFolder.DATASETS);
        for (String bad : List.of("{}", "{\"schemaVersion\":9}", "not json",
                "{\"schemaVersion\":1,\"parts\":[{\"key\":\"../etc\",\"data\":{}}]}")) {
            Files.writeString(file, bad);
            DigitbenchException e = assertThrows(DigitbenchException.class, () -> SeveralDatasets.read(dir), bad);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        assertEquals(List.of(), DatasetsFile.keysIn(dir));
    }
}
