package org.metrofabric.bundlecheck;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleRulesTest {

    private static final String GOOD_IMPORTS =
            "com.google.common.collect;version=\"[22.0,23)\",com.google.common.base;version=\"[22,23)\","
                    + "org.onosproject.net;org.onosproject.net.pi.model;version=\"[2.7,3)\","
                    + "org.slf4j;version=\"[1.7,2)\",org.osgi.service.component;version=\"[1.4,2)\"";
    private static final String JAVA_11 = "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=11))\"";

    private static Manifest manifest(String imports, String capabilities) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-SymbolicName", "org.metrofabric.example");
        if (imports != null) {
            main.putValue("Import-Package", imports);
        }
        if (capabilities != null) {
            main.putValue("Require-Capability", capabilities);
        }
        return manifest;
    }

    private static void assertSingleViolation(Manifest manifest, String... fragments) {
        List<String> violations = BundleRules.violations(manifest);
        assertEquals(1, violations.size(), "violations: " + violations);
        for (String fragment : fragments) {
            assertTrue(violations.get(0).contains(fragment),
                       "'" + violations.get(0) + "' should mention " + fragment);
        }
    }

    @Test
    void acceptsTheRangesOnos27Exports() {
        assertEquals(List.of(), BundleRules.violations(manifest(GOOD_IMPORTS, JAVA_11)));
    }

    @Test
    void acceptsABundleWithoutImportsOrCapabilities() {
        assertEquals(List.of(), BundleRules.violations(manifest(null, null)));
    }

    @Test
    void rejectsJavaImports() {
        assertSingleViolation(manifest(GOOD_IMPORTS + ",java.util;version=\"[0,1)\"", JAVA_11),
                              "java.util", "java.*");
    }

    @Test
    void rejectsAnotherGuavaRange() {
        assertSingleViolation(manifest("com.google.common.collect;version=\"[21.0,23)\"", JAVA_11),
                              "com.google.common.collect", "[21.0,23)");
        assertSingleViolation(manifest("com.google.common.hash;version=\"[31.1,32)\"", JAVA_11),
                              "com.google.common.hash", "[31.1,32)");
    }

    @Test
    void rejectsAGuavaImportWithoutVersion() {
        assertSingleViolation(manifest("com.google.common.base", JAVA_11),
                              "com.google.common.base", "no version");
    }

    @Test
    void rejectsAnotherOnosRange() {
        assertSingleViolation(manifest("org.onosproject.net;version=\"[2.5,3)\"", JAVA_11),
                              "org.onosproject.net", "[2.5,3)");
        assertSingleViolation(manifest("org.onosproject.core;version=\"[2.7,2.8)\"", JAVA_11),
                              "org.onosproject.core", "[2.7,2.8)");
    }

    @Test
    void checksEveryPackageOfAClauseWithSharedAttributes() {
        List<String> violations = BundleRules.violations(manifest(
                "org.onosproject.net;org.onosproject.cli;version=\"[3.0,4)\","
                        + "org.onosproject.core;version=\"[2.7,3)\"", JAVA_11));
        assertEquals(2, violations.size(), "violations: " + violations);
        assertTrue(violations.get(0).contains("org.onosproject.net"));
        assertTrue(violations.get(1).contains("org.onosproject.cli"));
    }

    @Test
    void rejectsAJavaVersionAbove11() {
        assertSingleViolation(manifest(GOOD_IMPORTS, "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\""),
                              "osgi.ee", "17");
    }

    @Test
    void acceptsOlderJavaVersions() {
        assertEquals(List.of(), BundleRules.violations(
                manifest(GOOD_IMPORTS, "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=1.8))\"")));
    }

    @Test
    void rejectsAJarThatIsNotABundle() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        assertSingleViolation(manifest, "Bundle-SymbolicName");
    }

    @Test
    void readsJavaMajorVersions() {
        assertEquals(8, BundleRules.javaMajor("1.8"));
        assertEquals(11, BundleRules.javaMajor("11"));
        assertEquals(17, BundleRules.javaMajor("17.0"));
    }

    @Test
    void rejectsMalformedHeaders() {
        IllegalArgumentException unterminated = assertThrows(IllegalArgumentException.class,
                () -> ManifestHeader.parse("org.onosproject.net;version=\"[2.7,3)"));
        assertTrue(unterminated.getMessage().contains("unterminated quote"));
        IllegalArgumentException nameless = assertThrows(IllegalArgumentException.class,
                () -> ManifestHeader.parse("version=\"[2.7,3)\""));
        assertTrue(nameless.getMessage().contains("without a name"));
    }
}
