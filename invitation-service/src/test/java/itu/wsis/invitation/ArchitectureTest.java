package itu.wsis.invitation;

import itu.wsis.testing.ServiceArchitecture;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("itu.wsis.invitation");
    }
}
