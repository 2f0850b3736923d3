package org.datenraum.app.bench;

import picocli.CommandLine.Command;

/** {@code datenraum bench}: benchmarks that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: ingest, generate, surveillance, federation, query, cohorts, icu, emergency, dicom,"
        + " biosamples, portal. Each prints its figures.",
    subcommands = {IngestBench.class, GenerateBench.class, SurveillanceBench.class, FederationBench.class, QueryBench.class,
        CohortsBench.class, IcuBench.class, EmergencyBench.class, DicomBench.class, BiosamplesBench.class,
        PortalBench.class})
public final class BenchCommand {}
