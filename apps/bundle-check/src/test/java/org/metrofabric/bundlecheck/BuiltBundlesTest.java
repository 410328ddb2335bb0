package org.metrofabric.bundlecheck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Checks the manifest of every app bundle that this module depends on; the build copies those
 * packaged jars into the folder named by the system property {@code checked.bundles.dir}.
 */
class BuiltBundlesTest {

    @TestFactory
    Stream<DynamicTest> everyAppBundleResolvesInOnos27() {
        String dirName = System.getProperty("checked.bundles.dir");
        assertNotNull(dirName, "system property checked.bundles.dir is not set (see bundle-check/pom.xml)");
        File[] jars = new File(dirName).listFiles((dir, name) -> name.endsWith(".jar"));
        assertNotNull(jars, "no folder " + dirName + ": the bundles were not copied (run mvn verify)");
        assertFalse(jars.length == 0, "no bundle jar in " + dirName);
        Arrays.sort(jars);
        return Arrays.stream(jars).map(jar -> DynamicTest.dynamicTest(jar.getName(), () -> check(jar)));
    }

    private static void check(File jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            assertNotNull(manifest, jar + " has no manifest");
            List<String> violations = BundleRules.violations(manifest);
            assertEquals(List.of(), violations, jar.getName() + " would not resolve in ONOS 2.7");
        }
    }
}
