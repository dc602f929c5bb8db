using Dispatch.Contracts;

namespace Dispatch.Server.Organisations;

/// <summary>The Chinese names operators use for each <see cref="OrganisationType"/>.</summary>
public static class OrganisationNames
{
    public static string Chinese(OrganisationType type) => type switch
    {
        OrganisationType.PoliceStation => "派出所",
        OrganisationType.UrbanManagement => "城管",
        OrganisationType.MarketRegulation => "市场监管",
        OrganisationType.LabourInspection => "人社劳动监察",
        OrganisationType.HousingConstruction => "住建",
        OrganisationType.EcologyEnvironment => "生态环境",
        OrganisationType.FireRescue => "消防",
        OrganisationType.JusticeOffice => "司法所",
        OrganisationType.WomensFederation => "妇联",
        OrganisationType.Community => "社区",
        OrganisationType.PropertyManagement => "物业",
        OrganisationType.Utilities => "水电气",
        OrganisationType.CivilAffairs => "民政",
        OrganisationType.Transport => "交通运输",
        OrganisationType.CommandRoom => "综合信息指挥室",
        _ => type.ToString(),
    };
}
