package org.dyad.application.quality;

import java.time.YearMonth;

/** One month and stratum; rates are hours per 1,000 inpatient hours, null when there were no inpatient hours. */
public record HbipsRow(YearMonth month, AgeStratum stratum, long physicalRestraintMinutes, long seclusionMinutes,
                       long inpatientDays, long leaveDays, Double physicalRestraintRate, Double seclusionRate) {
}
