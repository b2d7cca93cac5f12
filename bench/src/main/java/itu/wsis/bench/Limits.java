package itu.wsis.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arithmetic of the rows that say where a goal's limit lies on these CPUs: what a goal's rate leaves one part of
 * the system when everything else costs what it was measured to cost, and how much resident memory a service holds
 * before any Java heap. A goal whose budget is at or below zero cannot be met on this machine whatever that part
 * costs.
 */
final class Limits {

    private static final Pattern SPACE = Pattern.compile("(?:eden|from|to|the) +space +(\\d+)K");
    private static final Pattern TENURED_USED = Pattern.compile("Tenured +total +\\d+K, +used +(\\d+)K");

    private Limits() {
    }

    /**
     * The CPU per unit of work that {@code rate} units per second leave one part of the system on {@code cpus} CPUs,
     * when everything else costs {@code restMs} per unit: cpus ÷ rate − rest.
     */
    static double budgetMs(int cpus, double rate, double restMs) {
        if (cpus <= 0 || rate <= 0) {
            throw new IllegalArgumentException("cpus and rate must be positive");
        }
        return 1000.0 * cpus / rate - restMs;
    }

    /** The units per second {@code cpus} CPUs allow when each costs {@code costMs} of CPU, everything included. */
    static double rateAt(int cpus, double costMs) {
        if (cpus <= 0 || costMs <= 0) {
            throw new IllegalArgumentException("cpus and cost must be positive");
        }
        return 1000.0 * cpus / costMs;
    }

    /**
     * The heap the serial collector has committed, from {@code jcmd <pid> GC.heap_info}: eden, both survivor spaces
     * and the tenured space; -1 when the output is not the serial collector's.
     */
    static long committedHeapKb(String heapInfo) {
        Matcher m = SPACE.matcher(heapInfo);
        long kb = 0;
        int spaces = 0;
        while (m.find()) {
            kb += Long.parseLong(m.group(1));
            spaces++;
        }
        return spaces == 4 ? kb : -1;
    }

    /** The used part of the tenured space (what survived young collections, garbage included); -1 when absent. */
    static long tenuredUsedKb(String heapInfo) {
        Matcher m = TENURED_USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
