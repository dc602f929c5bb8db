# Checks eval.tsv: header, 4 tab-separated columns, a known category code, danger 0/1, a non-empty text and source;
# prints counts per category, per kind and per danger. Run: awk -F'\t' -f check.awk eval.tsv
BEGIN {
    n = split("theft:Police robbery:Police assault:Police fight:Police fraud:Police traffic-accident:Police traffic-jam:Police missing-person:Police gathering:Police fire:Police facility-hazard:Police burglary:Police domestic-violence:Police drunk-driving:Police hit-and-run:Police illegal-parking:Police provocation:Police drugs:Police gambling:Police suicide-attempt:Police armed-person:Police indecency:Police gas-leak:Police disaster:Police trapped-person:Police falling-objects:Police noise:NonPolice construction-noise:NonPolice street-vending:NonPolice illegal-building:NonPolice cooking-fumes:NonPolice market-complaint:NonPolice food-safety:NonPolice wage-arrears:NonPolice utility-failure:NonPolice consultation:NonPolice pollution:NonPolice exposed-rubbish:NonPolice broken-facility:NonPolice illegal-advertising:NonPolice homeless:NonPolice taxi-complaint:NonPolice dangerous-building:NonPolice elevator-fault:NonPolice fire-lane-blocked:NonPolice neighbour-dispute:Dispute family-dispute:Dispute marriage-dispute:Dispute consumer-dispute:Dispute labour-dispute:Dispute property-dispute:Dispute tenancy-dispute:Dispute debt-dispute:Dispute medical-dispute:Dispute medical-emergency:Police mental-health-crisis:Police water-rescue:Police", pairs, " ")
    for (i = 1; i <= n; i++) { split(pairs[i], kv, ":"); kind[kv[1]] = kv[2] }
}
NR == 1 { if ($0 != "category\tdanger\ttext\tsource") { print "bad header"; bad++ } next }
{
    if (NF != 4 || !($1 in kind) || ($2 != "0" && $2 != "1") || $3 == "" || $4 == "" || $0 ~ /\r/) {
        print "bad line " NR ": " $0; bad++; next
    }
    cat[$1]++; k[kind[$1]]++; d[$2]++; total++
    if ($2 == "1") dk[kind[$1]]++
}
END {
    for (c in kind) if (cat[c] < 5) { print "fewer than 5 texts: " c " (" cat[c] + 0 ")"; bad++ }
    for (c in kind) printf "%-22s %-9s %3d\n", c, kind[c], cat[c] | "sort"
    close("sort")
    for (x in k) printf "kind %-9s %3d (danger %d)\n", x, k[x], dk[x]
    printf "total %d, danger 1: %d, danger 0: %d, problems: %d\n", total, d[1], d[0], bad
    exit bad > 0
}
