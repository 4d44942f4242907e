// Every concept folder uses the GraphQL.NET types, the contributor contract and the application's read models
// and commands; declaring them once keeps the per-type files about their fields.
global using GraphQL;
global using GraphQL.Types;
global using Minsheng.Application.Common;
global using Minsheng.Application.Indicators;
global using Minsheng.Application.Milestones;
global using Minsheng.Application.Plans;
global using Minsheng.Application.Projects;
global using Minsheng.Application.Regions;
global using Minsheng.Application.Reports;
global using Minsheng.Application.Units;
global using Minsheng.GraphQL.Abstractions;
global using Minsheng.Domain.Access;
