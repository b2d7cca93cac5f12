package itu.wsis.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/** A real SMTP server (GreenMail) on a free port, so that tests read the MIME messages the services really sent. */
public final class TestSmtp {

    private static GreenMail greenMail;
    // Kept apart from the server: a stopped GreenMail no longer knows its port.
    private static int port;

    private TestSmtp() {
    }

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            port = freePort();
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            greenMail = new GreenMail(setup);
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "stop-test-smtp"));
        }
        return greenMail;
    }

    public static synchronized int port() {
        server();
        return port;
    }

    public static List<MimeMessage> received() {
        return List.of(server().getReceivedMessages());
    }

    /** Stops accepting connections, to simulate an SMTP outage; {@link #restart()} brings it back on the same port. */
    public static synchronized void stop() {
        server().stop();
    }

    public static synchronized void restart() {
        server().stop();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
