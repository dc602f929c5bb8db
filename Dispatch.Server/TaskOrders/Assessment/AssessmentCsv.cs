using Dispatch.Server.Operations;

namespace Dispatch.Server.TaskOrders.Assessment;

/// <summary>An assessment as CSV for Excel: UTF-8 with a byte-order mark (else Excel reads Chinese as GBK), RFC 4180 quoting.</summary>
public static class AssessmentCsv
{
    public const string ContentType = ExcelCsv.ContentType;

    private static readonly string[] Header =
    [
        "代码 code", "名称 name", "接收 received", "办结 completed", "按期办结 on time", "按期办结率 on-time rate",
        "超期未结 overdue open", "超期办结 completed late", "超期 overdue", "退回 returned", "返工 reopened",
        "评价 evaluated", "满意 satisfied", "基本满意 basically satisfied", "不满意 dissatisfied", "满意率 satisfaction rate",
        "事件 incidents", "已响应 responded", "平均响应秒 mean response s", "P90响应秒 P90 response s", "超时 clock breaches",
    ];

    public static byte[] Write(AssessmentReport report)
    {
        return ExcelCsv.Table(Header, report.Rows.Append(report.Total).Select(row => new object?[]
        {
            row.Code, row.Name, row.Received, row.Completed, row.CompletedOnTime, row.OnTimeRate, row.OverdueOpen, row.CompletedLate,
            row.Overdue, row.Returned, row.Reopened, row.Evaluated, row.Satisfied, row.BasicallySatisfied, row.Dissatisfied,
            row.SatisfactionRate, row.Incidents, row.Responded, row.MeanResponseSeconds, row.P90ResponseSeconds, row.ClockBreaches,
        }));
    }
}
