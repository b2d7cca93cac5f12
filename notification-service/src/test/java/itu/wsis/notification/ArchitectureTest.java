package itu.wsis.notification;

import itu.wsis.testing.ServiceArchitecture;

/** The layers and names of docs/architecture.md ({@link ServiceArchitecture}); this service has every layer. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("itu.wsis.notification");
    }
}
