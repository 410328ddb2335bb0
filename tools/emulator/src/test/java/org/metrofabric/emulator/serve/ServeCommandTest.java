package org.metrofabric.emulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metrofabric.emulator.cli.EmulatorCli;
import picocli.CommandLine;

/** {@code emulator serve}'s options are checked before anything listens; a busy REST port is exit code 2. */
class ServeCommandTest {
    private static final int EXIT_BAD_INPUT = 2;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int serve(String... args) {
        CommandLine cli = EmulatorCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "serve";
        all[1] = "--topology";
        all[2] = ServeFixture.TOPOLOGY.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.execute(all);
    }

    @Test
    void aRestPortOutOfRangeIsRefusedByName() {
        assertEquals(EXIT_BAD_INPUT, serve("--rest-port", "65536"));
        assertTrue(err.toString().contains("--rest-port: must be 0..65535 (0 = any free port), got 65536"), err.toString());
        assertEquals(EXIT_BAD_INPUT, serve("--rest-port", "-1"));
        assertTrue(err.toString().contains("got -1"), err.toString());
    }

    @Test
    void aRestPortThatIsNotANumberIsRefusedByName() {
        assertEquals(EXIT_BAD_INPUT, serve("--rest-port", "eighty"));
        assertTrue(err.toString().contains("--rest-port") && err.toString().contains("eighty"), err.toString());
    }

    @Test
    void aControlOtherThanNoneOrOnosIsRefusedByName() {
        assertEquals(EXIT_BAD_INPUT, serve("--control", "odl"));
        assertTrue(err.toString().contains("--control") && err.toString().contains("odl")
                && err.toString().contains("none, onos"), err.toString());
    }

    @Test
    void aBusyRestPortIsExitCodeTwoAndNamesTheAddress() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(EXIT_BAD_INPUT, serve("--host", "127.0.0.1", "--rest-port", Integer.toString(busy.getLocalPort())));
            assertTrue(err.toString().contains("REST API: cannot listen on 127.0.0.1:" + busy.getLocalPort()), err.toString());
        }
    }

    @Test
    void aPortV1ModelCannotCarryIsExitCodeTwoAndNamed(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode topology = (ObjectNode) json.readTree(ServeFixture.TOPOLOGY.toFile());
        ((ObjectNode) topology.withArray("hosts").get(0)).put("port", 600);
        Path file = dir.resolve("wide-ports.json");
        json.writeValue(file.toFile(), topology);
        CommandLine cli = EmulatorCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(EXIT_BAD_INPUT, cli.execute("serve", "--topology", file.toString()));
        assertTrue(err.toString().contains("cannot emulate on v1model: $.hosts[0].port: port 600 of leaf1 is above 510"),
                err.toString());
    }
}
