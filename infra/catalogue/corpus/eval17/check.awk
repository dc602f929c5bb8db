# Checks eval.tsv: header, 4 tab-separated columns, a known category code, danger 0/1, a non-empty text and source;
# a known source, no duplicate text, danger 1 only in Police categories, every category at least twice;
# prints counts per category, per kind, per danger and per source. Run: awk -F"\t" -f check.awk eval.tsv
BEGIN {
    n = split("theft:Police robbery:Police assault:Police fight:Police fraud:Police traffic-accident:Police traffic-jam:Police missing-person:Police gathering:Police fire:Police facility-hazard:Police burglary:Police domestic-violence:Police drunk-driving:Police hit-and-run:Police illegal-parking:Police provocation:Police drugs:Police gambling:Police suicide-attempt:Police armed-person:Police indecency:Police gas-leak:Police disaster:Police trapped-person:Police falling-objects:Police noise:NonPolice construction-noise:NonPolice street-vending:NonPolice illegal-building:NonPolice cooking-fumes:NonPolice market-complaint:NonPolice food-safety:NonPolice wage-arrears:NonPolice utility-failure:NonPolice consultation:NonPolice pollution:NonPolice exposed-rubbish:NonPolice broken-facility:NonPolice illegal-advertising:NonPolice homeless:NonPolice taxi-complaint:NonPolice dangerous-building:NonPolice elevator-fault:NonPolice fire-lane-blocked:NonPolice neighbour-dispute:Dispute family-dispute:Dispute marriage-dispute:Dispute consumer-dispute:Dispute labour-dispute:Dispute property-dispute:Dispute tenancy-dispute:Dispute debt-dispute:Dispute medical-dispute:Dispute medical-emergency:Police mental-health-crisis:Police water-rescue:Police", pairs, " ")
    for (i = 1; i <= n; i++) { split(pairs[i], kv, ":"); kind[kv[1]] = kv[2] }
    m = split("110 12345 grid app iot walkin court petition", srcs, " ")
    for (i = 1; i <= m; i++) known_src[srcs[i]] = 1
}
NR == 1 { if ($0 != "category\tdanger\ttext\tsource") { print "bad header"; bad++ } next }
{
    if (NF != 4 || !($1 in kind) || ($2 != "0" && $2 != "1") || $3 == "" || !($4 in known_src) || $0 ~ /\r/) {
        print "bad line " NR ": " $0; bad++; next
    }
    if ($3 in seen) { print "duplicate text at lines " seen[$3] " and " NR ": " $3; bad++ }
    seen[$3] = NR
    if ($2 == "1" && kind[$1] != "Police") { print "danger 1 outside Police at line " NR ": " $0; bad++ }
    src[$4]++
    cat[$1]++; k[kind[$1]]++; d[$2]++; total++
    if ($2 == "1") dk[kind[$1]]++
}
END {
    for (c in kind) if (cat[c] < 2) { print "fewer than 2 texts: " c " (" cat[c] + 0 ")"; bad++ }
    for (c in kind) printf "%-22s %-9s %3d\n", c, kind[c], cat[c] | "sort"
    close("sort")
    for (x in k) printf "kind %-9s %3d (danger %d)\n", x, k[x], dk[x]
    for (x in src) printf "source %-9s %3d\n", x, src[x]
    printf "total %d, danger 1: %d, danger 0: %d, problems: %d\n", total, d[1], d[0], bad
    exit bad > 0
}
