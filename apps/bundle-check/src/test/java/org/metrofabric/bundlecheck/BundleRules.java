package org.metrofabric.bundlecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bundle manifest must satisfy to resolve in ONOS 2.7.0 (Karaf 4.2.9, Felix, Java 11).
 * Each broken rule is reported as one message naming the header, the package and the reason.
 */
final class BundleRules {

    /** Guava 22.0 is the only Guava ONOS 2.7 exports. */
    static final Set<String> GUAVA_RANGES = Set.of("[22,23)", "[22.0,23)");
    /** ONOS exports its packages at 2.7.0; a bundle built against 2.7 must accept any 2.x from 2.7. */
    static final Set<String> ONOS_RANGES = Set.of("[2.7,3)");
    /** ONOS 2.7 runs on Java 11. */
    static final int MAX_JAVA_VERSION = 11;

    private static final Pattern EE_VERSION = Pattern.compile("\\(version=([0-9.]+)\\)");

    private BundleRules() {
    }

    /** The broken rules of a manifest; empty when it is fine. */
    static List<String> violations(Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        List<String> violations = new ArrayList<>();
        if (main.getValue("Bundle-SymbolicName") == null) {
            violations.add("Bundle-SymbolicName missing: not an OSGi bundle");
        }
        for (ManifestHeader.Clause clause : ManifestHeader.parse(main.getValue("Import-Package"))) {
            for (String pkg : clause.names()) {
                checkImport(pkg, clause.parameter("version"), violations);
            }
        }
        for (ManifestHeader.Clause clause : ManifestHeader.parse(main.getValue("Require-Capability"))) {
            if (clause.names().contains("osgi.ee")) {
                checkExecutionEnvironment(clause.parameter("filter:"), violations);
            }
        }
        return violations;
    }

    private static void checkImport(String pkg, String range, List<String> violations) {
        if (pkg.equals("java") || pkg.startsWith("java.")) {
            violations.add("Import-Package " + pkg + ": java.* comes from the JVM and must not be"
                                   + " imported (Felix in ONOS 2.7 cannot resolve it)");
        } else if (pkg.startsWith("com.google.common.") && !accepted(GUAVA_RANGES, range)) {
            violations.add("Import-Package " + pkg + ": version " + describe(range)
                                   + " but ONOS 2.7 exports only Guava 22; expected [22,23)");
        } else if (pkg.startsWith("org.onosproject.") && !accepted(ONOS_RANGES, range)) {
            violations.add("Import-Package " + pkg + ": version " + describe(range)
                                   + ", expected [2.7,3)");
        }
    }

    private static void checkExecutionEnvironment(String filter, List<String> violations) {
        if (filter == null) {
            return;
        }
        Matcher matcher = EE_VERSION.matcher(filter);
        while (matcher.find()) {
            int javaVersion = javaMajor(matcher.group(1));
            if (javaVersion > MAX_JAVA_VERSION) {
                violations.add("Require-Capability osgi.ee: needs Java " + matcher.group(1)
                                       + " but ONOS 2.7 runs on Java " + MAX_JAVA_VERSION);
            }
        }
    }

    /** "1.8" → 8, "11" → 11, "17.0" → 17. */
    static int javaMajor(String version) {
        String[] parts = version.split("\\.");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    private static boolean accepted(Set<String> ranges, String range) {
        return range != null && ranges.contains(range);
    }

    private static String describe(String range) {
        return range == null ? "unbounded (no version attribute)" : range;
    }
}
