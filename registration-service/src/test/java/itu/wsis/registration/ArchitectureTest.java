package itu.wsis.registration;

import itu.wsis.testing.ServiceArchitecture;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("itu.wsis.registration");
    }
}
