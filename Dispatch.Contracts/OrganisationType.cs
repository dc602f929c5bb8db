namespace Dispatch.Contracts;

/// <summary>
/// The kind of body responsible for a category of incident (责任单位类型). The Chinese name of each member is what
/// operators see; it is also listed in the category catalogue and the README.
/// </summary>
public enum OrganisationType
{
    /// <summary>派出所: the police station of the precinct.</summary>
    PoliceStation = 1,

    /// <summary>城管 / 综合执法: urban management and comprehensive law enforcement.</summary>
    UrbanManagement = 2,

    /// <summary>市场监管: market regulation (food safety, prices, unlicensed trading, consumer rights).</summary>
    MarketRegulation = 3,

    /// <summary>人社劳动监察: labour inspection of the human-resources and social-security bureau.</summary>
    LabourInspection = 4,

    /// <summary>住建: housing and construction (building sites, dangerous houses, construction permits).</summary>
    HousingConstruction = 5,

    /// <summary>生态环境: ecology and environment (pollution, industrial noise, emissions).</summary>
    EcologyEnvironment = 6,

    /// <summary>消防: fire and rescue.</summary>
    FireRescue = 7,

    /// <summary>司法所: the justice office of the street, which runs people's mediation (人民调解).</summary>
    JusticeOffice = 8,

    /// <summary>妇联: the women's federation (family disputes, domestic violence support).</summary>
    WomensFederation = 9,

    /// <summary>社区: the community residents' committee (社区居委会) or village committee.</summary>
    Community = 10,

    /// <summary>物业: the property management company of the estate.</summary>
    PropertyManagement = 11,

    /// <summary>水电气: the water, power and gas utilities.</summary>
    Utilities = 12,

    /// <summary>民政: civil affairs (homeless people, social assistance).</summary>
    CivilAffairs = 13,

    /// <summary>交通运输: transport (taxis, buses, road maintenance).</summary>
    Transport = 14,

    /// <summary>
    /// 街道综合信息指挥室 / 社会治理中心: the street command room, which takes triage and the grid events that need
    /// several departments.
    /// </summary>
    CommandRoom = 15,
}
