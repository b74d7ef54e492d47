using System.Text;
using PetitionPlatform.ServiceDefaults.Problems;

namespace PetitionPlatform.UnitTests.Problems;

public sealed class JsonTextCheckTests
{
    [Theory]
    [InlineData("""{"subject":"a\u0000b"}""", "subject")]
    [InlineData("""{"petitioner":{"name":"王\u0007"}}""", "petitioner.name")]
    [InlineData("""{"representatives":["甲","乙\u001f"]}""", "representatives[1]")]
    [InlineData("""{"Petitioner":{"Address":"\ud800"}}""", "petitioner.address")]
    [InlineData("""{"ok":{"a\u0000":1}}""", "ok")]
    [InlineData("""["\u0000"]""", "[0]")]
    public void Names_the_first_field_with_text_no_field_takes(string json, string field) =>
        Assert.Equal(field, JsonTextCheck.FirstUnreadableField(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"content":"第一行\n第二行\t完","headcount":35,"representatives":["甲"],"petitioner":null}""")]
    [InlineData("""{"broken":""")]
    [InlineData("")]
    public void Readable_text_and_malformed_json_are_left_to_the_deserializer(string json) =>
        Assert.Null(JsonTextCheck.FirstUnreadableField(Encoding.UTF8.GetBytes(json)));
}
