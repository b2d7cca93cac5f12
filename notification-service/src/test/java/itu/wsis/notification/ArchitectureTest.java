package itu.wsis.notification;

import itu.wsis.testing.ServiceArchitecture;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("itu.wsis.notification");
    }
}
