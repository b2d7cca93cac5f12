package itu.wsis.speaking;

import itu.wsis.testing.ServiceArchitecture;

class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("itu.wsis.speaking");
    }
}
