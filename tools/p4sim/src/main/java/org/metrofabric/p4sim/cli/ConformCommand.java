package org.metrofabric.p4sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.metrofabric.p4sim.arch.v1model.V1Switch;
import org.metrofabric.p4sim.conformance.GoldenPrograms;
import org.metrofabric.p4sim.conformance.GoldenReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4sim conform FILE|DIR}: runs golden files (docs/golden-format.md), each against the program of the
 * same base name next to it; prints every line where p4sim differs; exit status 1 on any difference.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Check p4sim against goldens recorded on BMv2: NAME.golden runs on NAME.p4 next to it. "
                + "Exits 1 if any line differs, 2 if a golden or program cannot be used.")
public final class ConformCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|DIR", description = "a .golden file, or a directory of them")
    private Path target;

    @Option(names = "--cpu-port", paramLabel = "PORT", description = "the switch's CPU port (default: none)")
    private Integer cpuPort;

    @Option(names = "--drop-port", paramLabel = "PORT", description = "the drop port (default: 511)")
    private Integer dropPort;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> goldens;
        try {
            goldens = GoldenPrograms.goldens(target);
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (goldens.isEmpty()) {
            err.println(target + ": no .golden files");
            return 2;
        }
        int failed = 0;
        int unusable = 0;
        for (Path golden : goldens) {
            try {
                GoldenReport report = GoldenPrograms.run(golden, this::configure);
                out.println(report.describe());
                if (!report.passed()) {
                    failed++;
                }
            } catch (RuntimeException e) {
                err.println("ERROR " + golden + ": " + e.getMessage());
                unusable++;
            }
        }
        out.println((goldens.size() - failed - unusable) + " of " + goldens.size() + " goldens passed");
        out.flush();
        err.flush();
        return unusable > 0 ? 2 : failed > 0 ? 1 : 0;
    }

    private void configure(V1Switch sw) {
        if (cpuPort != null) {
            sw.setCpuPort(cpuPort);
        }
        if (dropPort != null) {
            sw.setDropPort(dropPort);
        }
    }
}
