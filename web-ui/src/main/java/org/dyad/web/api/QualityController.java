package org.dyad.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.application.access.Viewer;
import org.dyad.application.quality.HbipsQueries;
import org.dyad.application.quality.HbipsRow;
import org.dyad.application.users.Unit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

@RestController
@Tag(name = "Quality", description = "HBIPS-2 (physical restraint) and HBIPS-3 (seclusion) per 1,000 inpatient hours")
class QualityController {

    /** One CSV line per month and age stratum; rates blank when there were no inpatient hours. */
    record CsvLine(String month, String stratum, long physicalRestraintMinutes, long seclusionMinutes,
                   long inpatientDays, long leaveDays, Double physicalRestraintRate, Double seclusionRate) {
        static CsvLine of(HbipsRow r) {
            return new CsvLine(r.month().toString(), r.stratum().name(), r.physicalRestraintMinutes(),
                    r.seclusionMinutes(), r.inpatientDays(), r.leaveDays(), r.physicalRestraintRate(), r.seclusionRate());
        }
    }

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(CsvLine.class).withHeader()
            .sortedBy("month", "stratum", "physicalRestraintMinutes", "seclusionMinutes", "inpatientDays",
                    "leaveDays", "physicalRestraintRate", "seclusionRate");

    private final HbipsQueries hbips;

    QualityController(HbipsQueries hbips) {
        this.hbips = hbips;
    }

    @GetMapping("/api/quality/units")
    @Operation(summary = "The units whose quality measures this viewer may see: all for auditors, their own for staff")
    List<Unit> units(Viewer viewer) {
        return hbips.unitsFor(viewer);
    }

    @GetMapping(value = "/api/quality/hbips", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "HBIPS-2 and HBIPS-3 by month and age stratum (1–12, 13–17, 18–64, 65+), from clinical times")
    List<HbipsRow> hbips(Viewer viewer, @RequestParam String unit,
                         @Parameter(example = "2026-01") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                         @Parameter(example = "2026-12") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return hbips.report(viewer, unit, from, to);
    }

    @GetMapping(value = "/api/quality/hbips", produces = "text/csv")
    ResponseEntity<String> hbipsCsv(Viewer viewer, @RequestParam String unit,
                                    @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                                    @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) throws JsonProcessingException {
        List<CsvLine> lines = hbips.report(viewer, unit, from, to).stream().map(CsvLine::of).toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hbips-" + unit + "-" + from + "-" + to + ".csv\"")
                .body(CSV.writer(CSV_SCHEMA).writeValueAsString(lines));
    }
}
